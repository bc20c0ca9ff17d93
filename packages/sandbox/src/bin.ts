console.log("sandbox");
