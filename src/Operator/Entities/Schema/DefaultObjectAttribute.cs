namespace Ebops.Operator.Entities.Schema;

/// <summary>
/// <c>default: {}</c> on an object property, so that the apiserver creates the object and then applies the defaults
/// of its own fields (structural defaulting recurses into defaulted objects).
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class DefaultObjectAttribute : Attribute;
