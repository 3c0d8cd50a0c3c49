namespace Ebops.Operator.Entities;

/// <summary>The API group and version every ebops kind is served under.</summary>
public static class EbopsApi
{
    public const string Group = "ebops.io";
    public const string Version = "v1alpha1";
    public const string GroupVersion = Group + "/" + Version;
}
