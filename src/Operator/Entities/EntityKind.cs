namespace Ebops.Operator.Entities;

/// <summary>How one kind is served: names, short names and the columns <c>kubectl get</c> prints.</summary>
public sealed record EntityKind(
    Type Type,
    string Kind,
    string Plural,
    string Singular,
    IReadOnlyList<string> ShortNames,
    string Description,
    IReadOnlyList<PrinterColumn> PrinterColumns)
{
    public string CrdName => Plural + "." + EbopsApi.Group;

    public string ListKind => Kind + "List";
}
