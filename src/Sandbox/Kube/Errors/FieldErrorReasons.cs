namespace Ebops.Sandbox.Kube.Errors;

/// <summary>The StatusCause types (apimachinery <c>field.ErrorType</c>) the emulator reports.</summary>
public static class FieldErrorReasons
{
    public const string Required = "FieldValueRequired";
    public const string Invalid = "FieldValueInvalid";
    public const string NotSupported = "FieldValueNotSupported";
    public const string TooLong = "FieldValueTooLong";
    public const string TooMany = "FieldValueTooMany";
    public const string TypeInvalid = "FieldValueTypeInvalid";
    public const string Forbidden = "FieldValueForbidden";
    public const string Duplicate = "FieldValueDuplicate";
    public const string Internal = "InternalError";
}
