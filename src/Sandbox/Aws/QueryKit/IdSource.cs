namespace Ebops.Sandbox.Aws.QueryKit;

/// <summary>Random-looking ids (hex, digits, upper-case alphanumerics); seeded for reproducible tests.</summary>
internal sealed class IdSource(int? seed = null)
{
    private readonly Random _random = seed is { } s ? new Random(s) : new Random();
    private readonly Lock _gate = new();

    public string Hex(int length) => Pick("0123456789abcdef", length);

    public string Digits(int length) => Pick("0123456789", length);

    public string Upper(int length) => Pick("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", length);

    public string Lower(int length) => Pick("abcdefghijklmnopqrstuvwxyz0123456789", length);

    private string Pick(string alphabet, int length)
    {
        lock (_gate)
        {
            return string.Create(length, (alphabet, _random), static (span, state) =>
            {
                for (var i = 0; i < span.Length; i++)
                {
                    span[i] = state.alphabet[state._random.Next(state.alphabet.Length)];
                }
            });
        }
    }
}
