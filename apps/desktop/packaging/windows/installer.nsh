; NSIS include: puts the bundled ovh-pca command (resources\cli) on the user's PATH at install and
; takes it off at uninstall. HKCU only: no administrator rights needed.
!include "StrFunc.nsh"
${StrStr}
${UnStrRep}
${UnStrStr}

!macro customInstall
  ReadRegStr $0 HKCU "Environment" "Path"
  ${StrStr} $1 "$0" "$INSTDIR\resources\cli"
  ${If} $1 == ""
    ${If} $0 == ""
      WriteRegExpandStr HKCU "Environment" "Path" "$INSTDIR\resources\cli"
    ${Else}
      WriteRegExpandStr HKCU "Environment" "Path" "$0;$INSTDIR\resources\cli"
    ${EndIf}
    SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=5000
  ${EndIf}
!macroend

!macro customUnInstall
  ReadRegStr $0 HKCU "Environment" "Path"
  ${UnStrStr} $1 "$0" "$INSTDIR\resources\cli"
  ${If} $1 != ""
    ${UnStrRep} $0 "$0" ";$INSTDIR\resources\cli" ""
    ${UnStrRep} $0 "$0" "$INSTDIR\resources\cli;" ""
    ${UnStrRep} $0 "$0" "$INSTDIR\resources\cli" ""
    WriteRegExpandStr HKCU "Environment" "Path" "$0"
    SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=5000
  ${EndIf}
!macroend
