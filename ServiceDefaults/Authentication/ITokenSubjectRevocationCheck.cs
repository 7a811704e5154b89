namespace Chatbot.ServiceDefaults.Authentication;

/// <summary>
/// Optional hook a service registers to reject still-unexpired tokens of a subject (e.g. a deleted user).
/// Called once per authenticated request after the signature checks; keep it in memory on the hot path.
/// </summary>
public interface ITokenSubjectRevocationCheck
{
    ValueTask<bool> IsRevokedAsync(string subject, CancellationToken cancellationToken);
}
