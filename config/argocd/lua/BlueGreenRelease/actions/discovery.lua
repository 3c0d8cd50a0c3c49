-- Which ebops signals a BlueGreenRelease takes in its current phase (the rules of ReleaseSignals in the operator;
-- a test keeps the two equal). Argo CD shows the others disabled.
local actions = {}
local status = obj.status or {}
local strategy = (obj.spec or {}).strategy or {}
local phase = status.phase
local weighted = phase == "CuttingOver" and strategy.cutover == "NlbWeighted"

local promote = (phase == "AwaitingPromotion" and status.promotedBy == nil)
  or (weighted and status.pauseReason == "AwaitingPromotion")
local abort = phase == "ProvisioningGreen" or phase == "Verifying" or phase == "AwaitingPromotion" or weighted
local retry = phase == "Aborted" or phase == "RolledBack" or phase == "Failed"
local rollback = phase == "Baking" or phase == "RetiringBlue" or weighted

actions["promote"] = {["disabled"] = not promote, ["iconClass"] = "fa fa-fw fa-forward", ["displayName"] = "Promote"}
actions["abort"] = {["disabled"] = not abort, ["iconClass"] = "fa fa-fw fa-times-circle", ["displayName"] = "Abort"}
actions["retry"] = {["disabled"] = not retry, ["iconClass"] = "fa fa-fw fa-redo-alt", ["displayName"] = "Retry"}
actions["rollback"] = {["disabled"] = not rollback, ["iconClass"] = "fa fa-fw fa-undo-alt", ["displayName"] = "Roll back"}
return actions
