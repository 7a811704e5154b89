using Chatbot.Simulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

public static class SimulatorServiceExtensions
{
    /// <summary>
    /// Registers <see cref="ProviderSimulator"/> with <c>Inference:Simulator</c> checked at start-up. The host registers an
    /// <see cref="IPromptTokenCounter"/> (its tokenizer) and maps <see cref="SimulatorApi"/> if it serves the HTTP face.
    /// </summary>
    public static IHostApplicationBuilder AddProviderSimulator(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SimulatorOptions>().BindConfiguration(SimulatorOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SimulatorOptions>, SimulatorOptionsValidator>();
        builder.Services.AddSingleton<ProviderSimulator>();
        return builder;
    }
}
