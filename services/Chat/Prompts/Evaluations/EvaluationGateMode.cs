namespace Chatbot.Chat.Prompts.Evaluations;

/// <summary>
/// When the evaluation gate applies to a tenant's versions: <see cref="WhenEvaluated"/> (the default) once the tenant has
/// evaluated any version, so tenants that never adopted evaluation keep activating as before; <see cref="Always"/>; <see cref="Off"/>.
/// </summary>
public enum EvaluationGateMode
{
    WhenEvaluated,
    Always,
    Off,
}
