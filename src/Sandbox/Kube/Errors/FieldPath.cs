using System.Globalization;

namespace Ebops.Sandbox.Kube.Errors;

/// <summary>
/// Field paths as apimachinery's <c>field.Path</c> prints them: <c>Child</c> joins with a dot, <c>Index</c> appends
/// <c>[0]</c>, <c>Key</c> appends <c>[key]</c> (so map entries read <c>spec.env[KEY]</c> in CEL and API validation;
/// the OpenAPI schema validator names them <c>spec.env.KEY</c> instead, see <see cref="Child"/>).
/// </summary>
public static class FieldPath
{
    /// <summary>The path of a nil <c>*field.Path</c>, as errors without a field print it.</summary>
    public const string Nil = "<nil>";

    public static string Child(string path, string name) => path.Length == 0 ? name : path + "." + name;

    public static string Index(string path, int index) => path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    public static string Key(string path, string key) => path + "[" + key + "]";
}
