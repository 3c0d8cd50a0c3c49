-- Sends the promote signal: ebops applies it once, then removes both annotations, so nothing drifts from Git.
if obj.metadata.annotations == nil then
  obj.metadata.annotations = {}
end
obj.metadata.annotations["ebops.io/signal"] = "promote"
obj.metadata.annotations["ebops.io/signal-by"] = "argocd"
return obj
