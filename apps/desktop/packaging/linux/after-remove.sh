#!/bin/bash
# deb postrm: removes the links after-install.sh made, only if they still point into the app.
case "$(readlink /usr/bin/ovh-pca 2>/dev/null)" in
  '/opt/${sanitizedProductName}/'*) rm -f /usr/bin/ovh-pca ;;
esac
case "$(readlink '/usr/bin/${executable}' 2>/dev/null)" in
  '/opt/${sanitizedProductName}/'*) rm -f '/usr/bin/${executable}' ;;
esac
