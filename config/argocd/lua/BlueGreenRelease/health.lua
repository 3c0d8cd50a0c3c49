-- Argo CD health of a BlueGreenRelease.
-- Argo CD runs this with gopher-lua (Lua 5.1) and only the base and table libraries: no string library here.
-- Progressing until ebops has observed the current generation; Degraded while Stalled=True or when the last release
-- ended Aborted, RolledBack or Failed; Suspended while it waits for a promote signal (status.pauseReason
-- AwaitingPromotion: the gate passed, or a manual weighted step); Healthy when Ready=True (the release succeeded and
-- the stable version serves); Progressing otherwise, with the release's message.
-- ebops:include lib/kstatus.lua

local phase = status.phase
if phase == "Aborted" or phase == "RolledBack" or phase == "Failed" then
  hs.status = "Degraded"
  hs.message = phase .. ": " .. (status.message or status.reason or "the release did not complete")
  return hs
end

if status.pauseReason == "AwaitingPromotion" then
  hs.status = "Suspended"
  hs.message = status.message or "Waiting for promotion"
  return hs
end

local ready = condition(status, "Ready", generation)
if ready ~= nil and ready.status == "True" then
  hs.status = "Healthy"
  hs.message = status.message or describe(ready, "Ready")
  return hs
end

hs.status = "Progressing"
hs.message = status.message or describe(ready, describe(condition(status, "Reconciling", generation), "Reconciling"))
return hs
