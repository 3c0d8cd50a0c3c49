using Ebops.Sandbox.Kube.Errors;
using Ebops.Sandbox.Kube.Validation;

namespace Ebops.Sandbox.Tests.Kube.Validation;

public sealed class ValidationMessagesTests
{
    [Fact]
    public void InvalidMessageListsOneErrorPlainAndSeveralInBrackets()
    {
        var one = new FieldError("spec.a", FieldErrorReasons.Required, "spec.a: Required value");
        var two = new FieldError("spec.b", FieldErrorReasons.TooLong, "spec.b: Too long: may not be more than 3 bytes");
        Assert.Equal("BeanstalkApp.ebops.io \"myapp\" is invalid: spec.a: Required value", ValidationMessages.Invalid("BeanstalkApp", "ebops.io", "myapp", [one]));
        Assert.Equal(
            "BeanstalkApp.ebops.io \"myapp\" is invalid: [spec.a: Required value, spec.b: Too long: may not be more than 3 bytes]",
            ValidationMessages.Invalid("BeanstalkApp", "ebops.io", "myapp", [one, two]));
    }

    [Fact]
    public void StrictMessageNamesEveryUnknownField() =>
        Assert.Equal(
            "NlbFrontend in version \"v1alpha1\" cannot be handled as a NlbFrontend: strict decoding error: unknown field \"spec.x\", unknown field \"spec.y\"",
            ValidationMessages.StrictUnknownFields("NlbFrontend", "v1alpha1", ["spec.x", "spec.y"]));
}
