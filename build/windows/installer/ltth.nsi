; LTTH Windows installer (NSIS 3, built on Linux with Debian's makensis by
; scripts/release.sh). Per-user install (no admin rights needed):
;   %LOCALAPPDATA%\Programs\LTTH\ltth.exe, Start-menu and desktop shortcuts,
;   an uninstaller that keeps the user's data (%APPDATA%\ltth: profiles, logs,
;   API token) unless "Also remove my data" is ticked or /PURGE is given.
; Command line: /S silent, /D=DIR install folder (last, unquoted),
;   /RUN start LTTH when done (used by the in-app updater),
;   /NOWEBVIEW2 skip the WebView2 runtime check (headless/server use).
; Defines passed by makensis: VERSION (x.y.z), VERSION4 (x.y.z.0), SRCDIR
; (folder with ltth.exe and ltth.ico), OUTFILE, and optionally WEBVIEW2_SETUP
; (path of MicrosoftEdgeWebview2Setup.exe to bundle).

Target amd64-unicode ; 64-bit like ltth.exe (Wine 8 here runs 64-bit programs only)
SetCompressor /SOLID lzma
RequestExecutionLevel user
ManifestDPIAware true

!include MUI2.nsh
!include LogicLib.nsh
!include FileFunc.nsh
!include x64.nsh

!define APPNAME "LTTH"
!define COMPANY "LTTH"
!define EXE "ltth.exe"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\LTTH"
!define WEBVIEW2_GUID "{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}"
!define WEBVIEW2_URL "https://go.microsoft.com/fwlink/p/?LinkId=2124703"

Name "${APPNAME} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\LTTH"
InstallDirRegKey HKCU "Software\LTTH" "InstallDir"
BrandingText "${APPNAME} ${VERSION}"

VIProductVersion "${VERSION4}"
VIFileVersion "${VERSION4}"
VIAddVersionKey "ProductName" "${APPNAME}"
VIAddVersionKey "CompanyName" "${COMPANY}"
VIAddVersionKey "FileDescription" "${APPNAME} installer"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "LegalCopyright" "LTTH developers"

!define MUI_ICON "${SRCDIR}\ltth.ico"
!define MUI_UNICON "${SRCDIR}\ltth.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "Start LTTH"

!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "German"

Section "LTTH" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  ; A running LTTH (e.g. the updater's restart) must let go of the exe first.
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/RUN" $R1
  ${IfNot} ${Errors}
    Sleep 1500
  ${EndIf}
  File "${SRCDIR}\${EXE}"
  File "${SRCDIR}\ltth.ico"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateDirectory "$SMPROGRAMS\LTTH"
  CreateShortCut "$SMPROGRAMS\LTTH\LTTH.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\ltth.ico"
  CreateShortCut "$SMPROGRAMS\LTTH\Uninstall LTTH.lnk" "$INSTDIR\uninstall.exe"
  CreateShortCut "$DESKTOP\LTTH.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\ltth.ico"

  WriteRegStr HKCU "Software\LTTH" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${APPNAME}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "${COMPANY}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\ltth.ico"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINST_KEY}" "EstimatedSize" "$0"

  Call EnsureWebView2

  ClearErrors
  ${GetOptions} $R0 "/RUN" $R1
  ${IfNot} ${Errors}
    Exec '"$INSTDIR\${EXE}"'
  ${EndIf}
SectionEnd

; The dashboard window needs the Microsoft Edge WebView2 runtime (Windows 11
; and current Windows 10 have it). If the registry shows no runtime, run the
; bundled bootstrapper, or download Microsoft's bootstrapper (PowerShell, no
; extra NSIS plugin). Failing here never fails the install: headless mode and
; overlays work without WebView2, and the message says what to do.
Function EnsureWebView2
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/NOWEBVIEW2" $R1
  ${IfNot} ${Errors}
    DetailPrint "WebView2 check skipped (/NOWEBVIEW2)"
    Return
  ${EndIf}
  Call WebView2Version
  ${If} $0 != ""
    DetailPrint "WebView2 runtime $0 found"
    Return
  ${EndIf}
  InitPluginsDir
  !ifdef WEBVIEW2_SETUP
    File "/oname=$PLUGINSDIR\MicrosoftEdgeWebview2Setup.exe" "${WEBVIEW2_SETUP}"
  !else
    DetailPrint "Downloading the WebView2 runtime bootstrapper"
    nsExec::ExecToLog `powershell.exe -NoProfile -ExecutionPolicy Bypass -Command "[Net.ServicePointManager]::SecurityProtocol='Tls12'; Invoke-WebRequest -UseBasicParsing -Uri '${WEBVIEW2_URL}' -OutFile '$PLUGINSDIR\MicrosoftEdgeWebview2Setup.exe'"`
    Pop $1
  !endif
  ${IfNot} ${FileExists} "$PLUGINSDIR\MicrosoftEdgeWebview2Setup.exe"
    DetailPrint "WebView2 runtime missing and its bootstrapper could not be downloaded"
    MessageBox MB_OK|MB_ICONEXCLAMATION "LTTH's window needs the Microsoft Edge WebView2 runtime, which could not be downloaded. Install it from https://developer.microsoft.com/microsoft-edge/webview2/ and start LTTH again." /SD IDOK
    Return
  ${EndIf}
  DetailPrint "Installing the WebView2 runtime"
  ExecWait '"$PLUGINSDIR\MicrosoftEdgeWebview2Setup.exe" /silent /install' $1
  DetailPrint "WebView2 bootstrapper exit code: $1"
FunctionEnd

; $0 = installed WebView2 runtime version, "" when none (machine- or per-user).
Function WebView2Version
  ${If} ${RunningX64}
    SetRegView 64
  ${EndIf}
  ReadRegStr $0 HKLM "SOFTWARE\WOW6432Node\Microsoft\EdgeUpdate\Clients\${WEBVIEW2_GUID}" "pv"
  ${If} $0 == ""
  ${OrIf} $0 == "0.0.0.0"
    ReadRegStr $0 HKLM "SOFTWARE\Microsoft\EdgeUpdate\Clients\${WEBVIEW2_GUID}" "pv"
  ${EndIf}
  ${If} $0 == ""
  ${OrIf} $0 == "0.0.0.0"
    ReadRegStr $0 HKCU "Software\Microsoft\EdgeUpdate\Clients\${WEBVIEW2_GUID}" "pv"
  ${EndIf}
  SetRegView lastused
  ${If} $0 == "0.0.0.0"
    StrCpy $0 ""
  ${EndIf}
FunctionEnd

Section "un.LTTH" UnSecMain
  SectionIn RO
  Delete "$INSTDIR\${EXE}"
  Delete "$INSTDIR\ltth.ico"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\LTTH\LTTH.lnk"
  Delete "$SMPROGRAMS\LTTH\Uninstall LTTH.lnk"
  RMDir "$SMPROGRAMS\LTTH"
  Delete "$DESKTOP\LTTH.lnk"
  DeleteRegKey HKCU "${UNINST_KEY}"
  DeleteRegKey HKCU "Software\LTTH"
  ; Autostart entry written by the Settings page, if any.
  DeleteRegValue HKCU "Software\Microsoft\Windows\CurrentVersion\Run" "LTTH"
SectionEnd

; Unticked by default: profiles, logs and the API token stay for a reinstall.
Section /o "un.Also remove my data (profiles, logs, settings in %APPDATA%\ltth)" UnSecData
  RMDir /r "$APPDATA\ltth"
SectionEnd

Function un.onInit
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/PURGE" $R1
  ${IfNot} ${Errors}
    SectionSetFlags ${UnSecData} ${SF_SELECTED}
  ${EndIf}
FunctionEnd
