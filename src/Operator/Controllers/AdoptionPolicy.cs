namespace Ebops.Operator.Controllers;

/// <summary>Whether existing AWS objects are brought under ebops (<c>ebops.io/adoption-policy</c>).</summary>
public enum AdoptionPolicy
{
    /// <summary>No annotation: create what is missing; an unmanaged object in the way is a conflict (Stalled).</summary>
    None,

    /// <summary>The objects named in <c>ebops.io/adoption-fields</c> must exist; they are adopted, never created.</summary>
    Adopt,

    /// <summary>Adopt the named objects when they exist, create them when they do not.</summary>
    AdoptOrCreate,
}
