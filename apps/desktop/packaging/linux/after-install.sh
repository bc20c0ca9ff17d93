#!/bin/bash
# deb postinst: electron-builder's usual steps, plus the ovh-pca command on the PATH.
set -e
ln -sf '/opt/${sanitizedProductName}/${executable}' '/usr/bin/${executable}'
ln -sf '/opt/${sanitizedProductName}/resources/cli/ovh-pca' '/usr/bin/ovh-pca'
# The SUID sandbox helper is needed where unprivileged user namespaces are off.
if [ -f '/opt/${sanitizedProductName}/chrome-sandbox' ]; then
  chmod 4755 '/opt/${sanitizedProductName}/chrome-sandbox' || true
fi
if hash update-mime-database 2>/dev/null; then update-mime-database /usr/share/mime || true; fi
if hash update-desktop-database 2>/dev/null; then update-desktop-database /usr/share/applications || true; fi
