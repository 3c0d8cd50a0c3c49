namespace Ebops.Operator.Entities.Schema;

/// <summary>
/// Defaults an absent object property to the object its fields' defaults make (the generator writes it out in full,
/// e.g. <c>default: {min: 1, max: 4, instanceType: t3.small}</c>): what structural defaulting would make of
/// <c>{}</c>, in a form kube-apiserver can validate against the schema and the CEL rules as written.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class DefaultObjectAttribute : Attribute;
