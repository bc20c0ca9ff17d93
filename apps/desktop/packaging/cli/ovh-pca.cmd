@echo off
rem The ovh-pca command shipped inside the desktop app, run on the app's own runtime (Electron as Node).
setlocal
set "ELECTRON_RUN_AS_NODE=1"
set "NODE_PATH=%~dp0..\app.asar.unpacked\node_modules"
"%~dp0..\..\OVH PCA.exe" "%~dp0ovh-pca.cjs" %*
exit /b %ERRORLEVEL%
