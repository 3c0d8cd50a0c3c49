namespace Ebops.Sandbox.Kube.Validation.Cel;

internal enum CelTokenKind
{
    End,
    Identifier,
    Int,
    UInt,
    Double,
    String,
    Operator,
}
