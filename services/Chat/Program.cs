var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddChatServices();
builder.AddChatIdentity();
builder.AddChatWeb();
builder.AddChatBilling();
builder.AddChatModeration();
builder.AddChatOpenAi();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapChatIdentity();
app.UseChatWeb();
app.MapChatApi();
app.MapChatModeration();
app.MapChatOpenAi();

await app.RunServiceAsync(args);
