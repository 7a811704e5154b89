using Chatbot.ServiceDefaults.Logging;
using Microsoft.Extensions.Logging;

namespace Chatbot.ServiceDefaults.Tests.Logging;

/// <summary>[LoggerMessage] methods whose parameters carry the data taxonomy, as service code would write them.</summary>
internal static partial class SampleLogs
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Issued credential {Credential} to {Email} for prompt {Prompt}")]
    public static partial void CredentialIssued(ILogger logger, [SecretData] string credential, [PiiData] string email, [UserContentData] string prompt);
}
