using Microsoft.Extensions.Options;

namespace Chatbot.Simulator;

/// <summary>Checks <c>Inference:Simulator</c> at start-up; every failure names its key.</summary>
public sealed class SimulatorOptionsValidator : IValidateOptions<SimulatorOptions>
{
    public ValidateOptionsResult Validate(string? name, SimulatorOptions options)
    {
        const string s = SimulatorOptions.SectionName;
        var errors = new List<string>();
        if (options.FirstTokenLatencyMilliseconds < 0) errors.Add($"{s}:FirstTokenLatencyMilliseconds must not be negative.");
        if (options.TokensPerSecond < 0) errors.Add($"{s}:TokensPerSecond must not be negative (0 = as fast as possible).");
        if (options.ReplyTokens < 1) errors.Add($"{s}:ReplyTokens must be at least 1.");
        if (options.RetryAfterSeconds < 0) errors.Add($"{s}:RetryAfterSeconds must not be negative.");
        if (options.DisconnectAfterTokens < 0) errors.Add($"{s}:DisconnectAfterTokens must not be negative.");
        if (!Enum.IsDefined(options.Fault)) errors.Add($"{s}:Fault must be one of {string.Join(", ", Enum.GetNames<SimulatorFault>())}.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
