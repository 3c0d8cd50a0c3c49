namespace Ebops.Operator.Tests.Reliability;

/// <summary>What a <see cref="SpecMutation"/> does to the field it picks.</summary>
internal enum MutationMode
{
    /// <summary>Another value of the same JSON type (a number, a string, the other boolean; an element fewer for an array, a key fewer for an object).</summary>
    SameType,

    /// <summary>A value of any type.</summary>
    AnyValue,

    /// <summary>The field is removed.</summary>
    Remove,

    /// <summary>An ebops annotation is set.</summary>
    Annotation,
}
