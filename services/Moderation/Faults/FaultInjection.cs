using Chatbot.Moderation.Detectors;

namespace Chatbot.Moderation.Faults;

/// <summary>Registers <see cref="FaultInjectionOptions"/> (rejected outside Development/Testing) and wraps the named stage.</summary>
public static class FaultInjection
{
    public static IHostApplicationBuilder AddModerationFaults(this IHostApplicationBuilder builder)
    {
        var environment = builder.Environment;
        builder.AddValidatedOptions<FaultInjectionOptions>(FaultInjectionOptions.SectionName)
            .Validate(o => string.IsNullOrWhiteSpace(o.ThrowIn) || environment.IsDevelopment() || environment.IsEnvironment("Testing"),
                "Moderation:Faults:ThrowIn is a test-only switch: it is refused outside the Development and Testing environments.");
        return builder;
    }

    public static IEnumerable<IInputDetector> Apply(IEnumerable<IInputDetector> stages, FaultInjectionOptions faults) =>
        string.IsNullOrWhiteSpace(faults.ThrowIn) ? stages
        : stages.Select(s => string.Equals(s.Stage, faults.ThrowIn, StringComparison.OrdinalIgnoreCase)
            ? new FaultyStage(s, string.IsNullOrEmpty(faults.WhenInputContains) ? null : faults.WhenInputContains) : s);
}
