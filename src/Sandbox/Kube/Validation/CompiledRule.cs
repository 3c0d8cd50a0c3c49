using Ebops.Sandbox.Kube.Validation.Cel;

namespace Ebops.Sandbox.Kube.Validation;

/// <summary>
/// One <c>x-kubernetes-validations</c> entry ready to run: <see cref="Program"/> is null when the emulator cannot
/// evaluate the rule; <see cref="FieldPath"/> is the normalized <c>fieldPath</c> (<c>min</c>, <c>env[KEY]</c>).
/// </summary>
internal sealed record CompiledRule(
    string Rule,
    CelProgram? Program,
    string? Message,
    CelProgram? MessageExpression,
    string? Reason,
    string? FieldPath);
