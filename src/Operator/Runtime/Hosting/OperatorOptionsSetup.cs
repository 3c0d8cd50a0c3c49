using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Ebops.Operator.Runtime.Hosting;

/// <summary>
/// Binds <see cref="OperatorOptions"/> from the "Operator" section; a value that does not convert (for example
/// EBOPS_MAX_CONCURRENT_RECONCILES=many) becomes an <see cref="OperatorConfigurationException"/> naming the key.
/// </summary>
internal sealed class OperatorOptionsSetup(IConfiguration configuration) : IConfigureOptions<OperatorOptions>
{
    public void Configure(OperatorOptions options)
    {
        var section = configuration.GetSection(OperatorOptions.Section);
        try
        {
            section.Bind(options);
        }
        catch (InvalidOperationException e)
        {
            // ConfigurationBinder's only failure: a value it cannot convert; its message names the key and the type.
            throw new OperatorConfigurationException(e.Message, e);
        }
    }
}
