using Chatbot.Chat.Tenancy;
using Chatbot.Chat.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddChatServices();
builder.AddChatIdentity();
builder.AddChatWeb();
builder.AddChatBilling();
builder.AddChatModeration();
builder.AddChatOpenAi();
builder.AddChatAccountExport();
builder.AddChatRetention();
builder.AddChatRequestLimits();

var app = builder.Build();
app.UseServiceDefaults();
app.UseTrustedForwardedHeaders();
app.UseChatWeb(); // security headers and static files, before authentication
app.UseAuthentication();
app.UseRequestLimits(); // per IP, listing per IP, per tenant by tier (RequestLimits): own and forwarded routes, before 401/403
app.UseAuthorization();
app.UseMiddleware<TenantContextMiddleware>();

app.MapDefaultEndpoints(metricsOnManagementPortOnly: true); // chat is the public origin: /metrics only on Management:Port
app.MapChatIdentity();
app.MapWebSessionApi();
app.MapChatApi();
app.MapChatModeration();
app.MapChatOpenAi();

await app.RunServiceAsync(args);
