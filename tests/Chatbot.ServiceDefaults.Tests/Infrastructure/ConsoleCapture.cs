namespace Chatbot.ServiceDefaults.Tests.Infrastructure;

/// <summary>
/// Redirects the process console to a buffer. The console logger takes Console.Out when it is created, so start the
/// capture before building the host. Only use it in the <see cref="ConsoleCollection"/>, which never runs in parallel.
/// </summary>
internal sealed class ConsoleCapture : IDisposable
{
    private readonly TextWriter _original = Console.Out;
    private readonly StringWriter _buffer = new();

    public ConsoleCapture() => Console.SetOut(_buffer);

    public string Text
    {
        get
        {
            lock (_buffer)
            {
                return _buffer.ToString();
            }
        }
    }

    public IReadOnlyList<string> Lines => Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public void Dispose() => Console.SetOut(_original);
}
