using System.Text;

namespace Ebops.Operator.Resources.ElasticBeanstalk;

/// <summary>
/// One desired option setting of a configuration template. A <paramref name="Sensitive"/> value (a password) never
/// appears in <see cref="ToString"/>, deltas, hashes or messages.
/// </summary>
public sealed record EbTemplateOption(EbOptionKey Key, string Value, bool Sensitive = false)
{
    public EbTemplateOption(string ns, string optionName, string value, bool sensitive = false)
        : this(new EbOptionKey(ns, optionName), value, sensitive)
    {
    }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Key = ").Append(Key).Append(", Value = ").Append(Sensitive ? "(sensitive)" : Value);
        return true;
    }
}
