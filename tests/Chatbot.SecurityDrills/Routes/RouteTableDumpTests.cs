using Chatbot.SecurityDrills.System;
using Xunit.Abstractions;

namespace Chatbot.SecurityDrills.Routes;

[Collection(SecuritySystemCollection.Name)]
public sealed class RouteTableDumpTests(SecuritySystemFixture system, ITestOutputHelper output)
{
    [Fact]
    public async Task Dump()
    {
        foreach (var r in await RouteTable.ReadAsync(system))
        {
            output.WriteLine($"{r.Key} | {r.DisplayName} | auth={r.RequiresAuthorization} [{string.Join(',', r.Policies)}] json={r.AcceptsJson}");
        }
    }
}
