// Starts GraphiQL on /graphql. Queries and mutations go over HTTP with the session cookie and
// the CSRF token Satu set beside it; subscriptions over the websocket.
(function () {
  function csrf() {
    var match = document.cookie.match(/(?:^|;\s*)(?:__Host-)?satu_csrf=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : undefined;
  }
  var url = new URL("/graphql", location.href);
  var socket = new URL(url);
  socket.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  var fetcher = GraphiQL.createFetcher({
    url: url.toString(),
    wsClient: graphqlWs.createClient({ url: socket.toString(), lazy: true, keepAlive: 30000 }),
    fetch: function (input, init) {
      init = init || {};
      var headers = new Headers(init.headers || {});
      var token = csrf();
      if (token) headers.set("x-csrf-token", token);
      init.headers = headers;
      init.credentials = "same-origin";
      return fetch(input, init);
    },
  });
  var root = ReactDOM.createRoot(document.getElementById("graphiql"));
  root.render(React.createElement(GraphiQL, { fetcher: fetcher }));
})();
