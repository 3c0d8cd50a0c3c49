namespace Ebops.Sandbox.Kube.Registry;

/// <summary>The built-in kinds the emulator serves: what ebops and kubectl touch, nothing more.</summary>
internal static class BuiltInResources
{
    public static readonly ResourceType Namespaces = new("", "v1", "namespaces", "namespace", "Namespace", false, ["ns"], [], true, false);

    public static readonly ResourceType Crds = new("apiextensions.k8s.io", "v1", "customresourcedefinitions", "customresourcedefinition",
        "CustomResourceDefinition", false, ["crd", "crds"], ["api-extensions"], true, false);

    public static IReadOnlyList<ResourceType> All { get; } =
    [
        Namespaces,
        new("", "v1", "secrets", "secret", "Secret", true, [], [], false, false),
        new("", "v1", "configmaps", "configmap", "ConfigMap", true, ["cm"], [], false, false),
        new("", "v1", "events", "event", "Event", true, ["ev"], [], false, false),
        new("", "v1", "serviceaccounts", "serviceaccount", "ServiceAccount", true, ["sa"], [], false, false),
        new("events.k8s.io", "v1", "events", "event", "Event", true, ["ev"], [], false, false) { SharedStorage = "/events" },
        new("coordination.k8s.io", "v1", "leases", "lease", "Lease", true, [], [], false, false),
        Crds,
        // Stored only, so that `kubectl apply -k config/default` and `kubectl get all` work; nothing runs a Pod or a
        // Deployment, routes a Service or enforces RBAC.
        new("", "v1", "pods", "pod", "Pod", true, ["po"], ["all"], true, false),
        new("", "v1", "services", "service", "Service", true, ["svc"], ["all"], true, false),
        new("apps", "v1", "deployments", "deployment", "Deployment", true, ["deploy"], ["all"], true, false),
        new("policy", "v1", "poddisruptionbudgets", "poddisruptionbudget", "PodDisruptionBudget", true, ["pdb"], [], true, false),
        new("rbac.authorization.k8s.io", "v1", "roles", "role", "Role", true, [], [], false, false),
        new("rbac.authorization.k8s.io", "v1", "rolebindings", "rolebinding", "RoleBinding", true, [], [], false, false),
        new("rbac.authorization.k8s.io", "v1", "clusterroles", "clusterrole", "ClusterRole", false, [], [], false, false),
        new("rbac.authorization.k8s.io", "v1", "clusterrolebindings", "clusterrolebinding", "ClusterRoleBinding", false, [], [], false, false),
    ];
}
