using System.Runtime.InteropServices;

namespace Chatbot.Aspire.Testing;

/// <summary>Handles the given signals in place of the runtime's default (exit at once) until disposed.</summary>
internal sealed class TerminationSignals : IDisposable
{
    private readonly PosixSignalRegistration[] _registrations;

    /// <param name="onSignal">Called with the signal's Linux number (<see cref="PosixSignal"/>'s values are not those).</param>
    public TerminationSignals(IEnumerable<PosixSignal> signals, Action<int> onSignal)
    {
        _registrations = [.. signals.Select(signal => PosixSignalRegistration.Create(signal, context =>
        {
            context.Cancel = true;
            onSignal(Number(signal));
        }))];
    }

    public static int Number(PosixSignal signal) => signal switch
    {
        PosixSignal.SIGHUP => 1,
        PosixSignal.SIGINT => 2,
        PosixSignal.SIGQUIT => 3,
        PosixSignal.SIGTERM => 15,
        _ => throw new ArgumentOutOfRangeException(nameof(signal), signal, "Not a termination signal."),
    };

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
    }
}
