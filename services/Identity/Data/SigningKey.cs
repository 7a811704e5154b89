namespace Chatbot.Identity.Data;

/// <summary>
/// A token key kept in identitydb. The private material is protected with ASP.NET Core Data Protection.
/// Signing keys are used from <see cref="ActivatesAt"/> to <see cref="RetiresAt"/> and published in the JWKS from
/// creation until their last token has expired.
/// </summary>
public sealed class SigningKey
{
    public const string SigningUse = "sig";
    public const string EncryptionUse = "enc";

    public required string Id { get; set; }
    public required string Use { get; set; }
    public required string Algorithm { get; set; }
    public required byte[] ProtectedKey { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ActivatesAt { get; set; }
    public DateTimeOffset RetiresAt { get; set; }
}
