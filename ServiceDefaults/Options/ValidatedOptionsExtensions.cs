using Chatbot.ServiceDefaults.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

public static class ValidatedOptionsExtensions
{
    /// <summary>
    /// Binds <typeparamref name="TOptions"/> to <paramref name="sectionName"/>, validates its data annotations (nested objects and
    /// lists included) and does so at start-up: a missing or malformed setting stops the service with a message naming the key,
    /// e.g. <c>Inference:Providers:0:Endpoint: The Endpoint field is required.</c>
    /// </summary>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions>(this IHostApplicationBuilder builder, string sectionName)
        where TOptions : class
    {
        builder.Services.AddSingleton<IValidateOptions<TOptions>>(new ConfigurationKeyValidator<TOptions>(Options.Options.DefaultName, sectionName));
        return builder.Services.AddOptions<TOptions>().BindConfiguration(sectionName).ValidateOnStart();
    }
}
