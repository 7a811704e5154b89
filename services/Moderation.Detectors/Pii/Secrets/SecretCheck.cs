namespace Chatbot.Moderation.Detectors.Pii.Secrets;

/// <summary>How a matched value is judged before it is reported (see <see cref="LookAlikes"/>).</summary>
public enum SecretCheck
{
    /// <summary>A fixed provider prefix already says what it is: reject placeholders and docs examples only.</summary>
    NotPlaceholder,

    /// <summary>A value after a key name: also needs the entropy of a generated key.</summary>
    HighEntropy,

    /// <summary>A password after a key name or inside a URL: a real-looking password, not a word like "password".</summary>
    Password,
}
