/**
 * The PowerShell side of the WIA adapter (Windows Image Acquisition 2.0 automation layer, COM `WIA.DeviceManager`).
 * The script is a constant: it is never built from input. Every value of a request (device id, folder,
 * resolution, …) reaches it through environment variables read as data (`$env:VANTHU_WIA_*`), and the script goes to
 * powershell.exe as -EncodedCommand (UTF-16LE base64), so no quoting of a command line is involved at all.
 * Output is one line per event: `DEVICE <json>`, `CAPS <json>`, `PAGE <n>`, `END`, `ERROR <hresult> <text>`.
 *
 * WIA constants used (Microsoft "WIA Property Constant Definitions", wiadef.h): WIA_DPS_DOCUMENT_HANDLING_CAPABILITIES
 * 3086, WIA_DPS_DOCUMENT_HANDLING_SELECT 3088 (FEEDER 1, FLATBED 2, DUPLEX 4), WIA_DPS_HORIZONTAL_BED_SIZE 3074 and
 * VERTICAL 3075 (1/1000 inch), WIA_IPS_CUR_INTENT 6146 (COLOR 1, GRAYSCALE 2, TEXT 4), WIA_IPS_XRES 6147, YRES 6148,
 * XEXTENT 6151, YEXTENT 6152; wiaFormatPNG {B96B3CAF-0728-11D3-9D7B-0000F81EF32E}.
 */

/** Shared helpers of the three actions. */
const PRELUDE = String.raw`
$ErrorActionPreference = 'Stop'
[Console]::OutputEncoding = [System.Text.Encoding]::UTF8
function Set-WiaProp($props, [int]$id, $value) {
  foreach ($p in $props) { if ($p.PropertyID -eq $id) { $p.Value = $value; return $true } }
  return $false
}
function Get-WiaProp($props, [int]$id) {
  foreach ($p in $props) { if ($p.PropertyID -eq $id) { return $p } }
  return $null
}
function Find-Device([string]$id) {
  $dm = New-Object -ComObject WIA.DeviceManager
  foreach ($d in $dm.DeviceInfos) { if ($d.Type -eq 1 -and $d.DeviceID -eq $id) { return $d } }
  return $null
}
function Write-Failure($err) {
  $h = 0
  if ($null -ne $err.Exception) { $h = $err.Exception.HResult }
  Write-Output ('ERROR {0} {1}' -f ('0x{0:X8}' -f $h), ($err.ToString() -replace '[\r\n]+', ' '))
}
`;

const LIST = String.raw`
try {
  $dm = New-Object -ComObject WIA.DeviceManager
  foreach ($d in $dm.DeviceInfos) {
    if ($d.Type -ne 1) { continue }
    $name = ''
    foreach ($p in $d.Properties) { if ($p.Name -eq 'Name') { $name = [string]$p.Value } }
    Write-Output ('DEVICE ' + (@{ id = $d.DeviceID; name = $name } | ConvertTo-Json -Compress))
  }
  Write-Output 'END'
} catch { Write-Failure $_; exit 1 }
`;

const CAPS = String.raw`
try {
  $info = Find-Device $env:VANTHU_WIA_DEVICE_ID
  if ($null -eq $info) { Write-Output 'ERROR 0x80210015 device not found'; exit 1 }
  $dev = $info.Connect()
  $handling = Get-WiaProp $dev.Properties 3086
  $w = Get-WiaProp $dev.Properties 3074
  $h = Get-WiaProp $dev.Properties 3075
  $item = $dev.Items.Item(1)
  $res = Get-WiaProp $item.Properties 6147
  $values = @()
  if ($null -ne $res) {
    if ($res.SubType -eq 2) { $values = @($res.SubTypeValues) }
    elseif ($res.SubType -eq 1) { $values = @($res.SubTypeMin, $res.SubTypeMax) }
    else { $values = @($res.Value) }
  }
  $caps = @{
    handling = $(if ($null -ne $handling) { [int]$handling.Value } else { 2 })
    resolutionSubType = $(if ($null -ne $res) { [int]$res.SubType } else { 0 })
    resolutions = $values
    widthThousandths = $(if ($null -ne $w) { [int]$w.Value } else { 8500 })
    heightThousandths = $(if ($null -ne $h) { [int]$h.Value } else { 11690 })
  }
  Write-Output ('CAPS ' + ($caps | ConvertTo-Json -Compress))
  Write-Output 'END'
} catch { Write-Failure $_; exit 1 }
`;

const SCAN = String.raw`
try {
  $info = Find-Device $env:VANTHU_WIA_DEVICE_ID
  if ($null -eq $info) { Write-Output 'ERROR 0x80210015 device not found'; exit 1 }
  $dev = $info.Connect()
  $source = $env:VANTHU_WIA_SOURCE
  $dpi = [int]$env:VANTHU_WIA_DPI
  $maxPages = [int]$env:VANTHU_WIA_MAX_PAGES
  $select = 2
  if ($source -eq 'adf') { $select = 1 } elseif ($source -eq 'duplex') { $select = 5 }
  [void](Set-WiaProp $dev.Properties 3088 $select)
  $item = $dev.Items.Item(1)
  [void](Set-WiaProp $item.Properties 6146 ([int]$env:VANTHU_WIA_INTENT))
  [void](Set-WiaProp $item.Properties 6147 $dpi)
  [void](Set-WiaProp $item.Properties 6148 $dpi)
  [void](Set-WiaProp $item.Properties 6151 ([int]$env:VANTHU_WIA_WIDTH_PX))
  [void](Set-WiaProp $item.Properties 6152 ([int]$env:VANTHU_WIA_HEIGHT_PX))
  $n = 0
  while ($n -lt $maxPages) {
    try { $img = $item.Transfer('{B96B3CAF-0728-11D3-9D7B-0000F81EF32E}') }
    catch {
      # WIA_ERROR_PAPER_EMPTY after the first page is the normal end of a feeder stack.
      if ($_.Exception.HResult -eq -2145320957) { break }
      Write-Failure $_; exit 1
    }
    $n++
    $path = Join-Path $env:VANTHU_WIA_OUT_DIR ('page-{0:D4}.png' -f $n)
    $img.SaveFile($path)
    Write-Output ('PAGE ' + $n)
    if ($select -eq 2) { break }
  }
  Write-Output 'END'
} catch { Write-Failure $_; exit 1 }
`;

export type WiaAction = 'list' | 'capabilities' | 'scan';

/** The complete script of an action (constant text). */
export function wiaScript(action: WiaAction): string {
  return PRELUDE + (action === 'list' ? LIST : action === 'capabilities' ? CAPS : SCAN);
}
