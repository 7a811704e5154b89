using Chatbot.Chat.Tenancy;
using Chatbot.Chat.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddChatServices();
builder.AddChatIdentity();
builder.AddChatWeb();
builder.AddChatBilling();
builder.AddChatModeration();

var app = builder.Build();
app.UseServiceDefaults();
app.UseTrustedForwardedHeaders();
app.UseChatWeb(); // security headers and static files, before authentication
app.UseAuthentication();
app.UseAuthorization();
app.UseMiddleware<TenantContextMiddleware>();

app.MapDefaultEndpoints();
app.MapChatIdentity();
app.MapWebSessionApi();
app.MapChatApi();
app.MapChatModeration();

await app.RunServiceAsync(args);
