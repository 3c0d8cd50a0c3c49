namespace Ebops.Sandbox.Kube.Validation.Cel;

/// <summary>
/// What compiling a rule or message expression for a schema node gives: <see cref="Error"/> (kube-apiserver's detail,
/// e.g. <c>compilation failed: ERROR: &lt;input&gt;:1:5: undefined field 'x'</c> with the snippet) or null, whether the
/// expression reads <c>oldSelf</c>, and its estimated worst-case cost.
/// </summary>
internal sealed record CelCompilation(string? Error, bool UsesOldSelf, ulong MaxCost);
