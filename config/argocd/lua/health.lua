-- Argo CD health of an RdsDatabase, BeanstalkApp or NlbFrontend, from its kstatus conditions.
-- Argo CD runs this with gopher-lua (Lua 5.1) and only the base and table libraries: no string library here.
-- Progressing until ebops has observed the current generation; Degraded while Stalled=True (a terminal error that
-- waits for a spec change); Healthy when Ready=True; Progressing otherwise, with ebops' message.
-- ebops:include lib/kstatus.lua

local ready = condition(status, "Ready", generation)
if ready ~= nil and ready.status == "True" then
  hs.status = "Healthy"
  hs.message = describe(ready, "Ready")
  return hs
end

hs.status = "Progressing"
hs.message = describe(ready, describe(condition(status, "Reconciling", generation), "Reconciling"))
return hs
