using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Chatbot.Chat.Prompts.Evaluations;

/// <summary>Bounded (<see cref="EvaluationOptions.QueueCapacity"/>): a full queue refuses the request (503) rather than grow.</summary>
public sealed class EvaluationQueue(IOptions<EvaluationOptions> options)
{
    private readonly Channel<EvaluationJob> channel = Channel.CreateBounded<EvaluationJob>(
        new BoundedChannelOptions(options.Value.QueueCapacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });

    public bool TryEnqueue(EvaluationJob job) => channel.Writer.TryWrite(job);

    public IAsyncEnumerable<EvaluationJob> ReadAllAsync(CancellationToken ct) => channel.Reader.ReadAllAsync(ct);
}
