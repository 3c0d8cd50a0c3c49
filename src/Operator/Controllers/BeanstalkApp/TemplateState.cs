using Ebops.Operator.Resources;
using Ebops.Operator.Resources.ElasticBeanstalk;

namespace Ebops.Operator.Controllers.BeanstalkApp;

/// <summary>
/// The configuration template as observed and planned: <paramref name="Observed"/> null when it does not exist;
/// <paramref name="Waiting"/> says what is missing to plan it (the database password).
/// </summary>
internal sealed record TemplateState(TemplatePlan? Plan, EbTemplateObserved? Observed, Delta Delta, string? Waiting)
{
    public static TemplateState WaitingFor(string message) => new(null, null, Delta.Empty, message);
}
