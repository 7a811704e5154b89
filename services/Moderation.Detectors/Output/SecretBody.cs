namespace Chatbot.Moderation.Detectors.Output;

/// <summary>What may follow a secret format's fixed prefix while the candidate is still growing.</summary>
internal enum SecretBody
{
    /// <summary>Key characters: letters, digits, <c>_ - . + / =</c> (API keys, JWTs).</summary>
    Token,

    /// <summary>A URL with credentials: anything up to whitespace, a quote or an angle bracket.</summary>
    Url,

    /// <summary><c>keyword = "value"</c>: spaces or a quote, then <c>=</c> or <c>:</c>, then the value's key characters.</summary>
    Assignment,

    /// <summary>A key/value connection string: the rest of the line.</summary>
    Line,

    /// <summary>A PEM header: letters, digits, spaces and dashes.</summary>
    Header,
}
