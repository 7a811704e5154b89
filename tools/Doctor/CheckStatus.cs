namespace Chatbot.Doctor;

/// <summary>The outcome of one scorecard row.</summary>
public enum CheckStatus
{
    Pass,
    Fail,

    /// <summary>The row could not be observed from here (no HTTPS locally, no admin token, no route that reports it); the reason says why.</summary>
    CannotCheck,
}
