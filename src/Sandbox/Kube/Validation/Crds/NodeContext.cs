namespace Ebops.Sandbox.Kube.Validation.Crds;

/// <summary>
/// What a schema node inherits during CRD validation (apiextensions' <c>specStandardValidatorV3</c> and CEL schema
/// context): whether defaults are allowed (and why not), whether it describes resource metadata, the first ancestor
/// whose old and new values cannot be correlated (<c>oldSelf</c> is then forbidden), and, when rules are compiled, how
/// many times the node can occur in one object (null: rules are not compiled, the schema being invalid).
/// </summary>
internal sealed record NodeContext(bool AllowDefaults, string DisallowReason, bool InsideResourceMeta, string? UncorrelatablePath, double? Cardinality)
{
    public NodeContext ForbidDefaults(string reason) => this with { AllowDefaults = false, DisallowReason = reason };

    public NodeContext ForbidOldSelf(string path) => UncorrelatablePath is null ? this with { UncorrelatablePath = path } : this;
}
