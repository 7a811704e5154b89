using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Chatbot.Chat.Account;

/// <summary>
/// The bounded queue between <c>POST /api/account/export</c> and <see cref="AccountExportWorker"/>. A full queue never
/// blocks a request: the job stays queued in the table and the worker's sweep takes it later.
/// </summary>
public sealed class AccountExportQueue(IOptions<AccountExportOptions> options)
{
    private readonly Channel<AccountExportJob> channel = Channel.CreateBounded<AccountExportJob>(
        new BoundedChannelOptions(options.Value.QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public bool TryEnqueue(AccountExportJob job) => channel.Writer.TryWrite(job);

    public ChannelReader<AccountExportJob> Reader => channel.Reader;
}
