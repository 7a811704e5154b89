namespace Chatbot.Moderation.Detectors.Pii;

/// <summary>What a PII or secret finding is; also the name inside a mask placeholder (<c>&lt;EMAIL_1&gt;</c>).</summary>
public static class PiiKinds
{
    public const string Email = "EMAIL";
    public const string Phone = "PHONE";
    public const string Card = "CARD";
    public const string Iban = "IBAN";
    public const string Ssn = "SSN";
    public const string IpAddress = "IP";
    public const string ApiKey = "API_KEY";
    public const string PrivateKey = "PRIVATE_KEY";
    public const string Jwt = "JWT";
    public const string ConnectionString = "CONNECTION_STRING";
}
