// The chat page's logic: pick the locale, start, resume or rejoin a Direct Line conversation, render Web Chat.
(function () {
  'use strict';
  var TEXT = window.XS_CHAT_TEXT;
  var params = new URLSearchParams(location.search);
  var locale = pickLocale(params.get('locale') || navigator.language || 'zh-CN');
  var text = TEXT[locale];
  var invite = params.get('invite') || '';
  var domain = location.origin + '/v3/directline';
  var sessionKey = 'xs-webchat:' + (invite || 'plain') + ':' + locale;
  var element = window.XS_CHAT_ELEMENT;

  document.documentElement.lang = locale;
  document.getElementById('subtitle').textContent = text.subtitle;

  function pickLocale(tag) {
    var lower = String(tag).toLowerCase();
    if (/^zh[-_](tw|hk|mo|hant)/.test(lower)) return 'zh-TW';
    if (lower.indexOf('zh') === 0) return 'zh-CN';
    return 'en';
  }

  function showStatus(message) {
    var status = document.getElementById('status');
    status.textContent = message || '';
    status.className = message ? 'shown' : '';
  }

  /** This browser's key: the same key brings it back to an invitation's conversation without a new identity check. */
  function deviceKey() {
    var key = localStorage.getItem('xs-device-key');
    if (!key) {
      var bytes = new Uint8Array(24);
      crypto.getRandomValues(bytes);
      key = Array.prototype.map
        .call(bytes, function (b) {
          return ('0' + b.toString(16)).slice(-2);
        })
        .join('');
      localStorage.setItem('xs-device-key', key);
    }
    return key;
  }

  function request(method, path, body, token) {
    var headers = { 'content-type': 'application/json' };
    if (token) headers.authorization = 'Bearer ' + token;
    var init = { method: method, headers: headers };
    if (method === 'POST') init.body = JSON.stringify(body || {});
    return fetch(domain + path, init).then(function (response) {
      return response.json().then(function (json) {
        if (response.ok) return json;
        var error = new Error((json.error && json.error.message) || 'HTTP ' + response.status);
        error.status = response.status;
        throw error;
      });
    });
  }

  /** Resumes this tab's conversation when its token can be refreshed, else starts one (or rejoins the invitation's). */
  function connect() {
    var saved = JSON.parse(sessionStorage.getItem(sessionKey) || 'null');
    var resumed = saved
      ? request('POST', '/tokens/refresh', {}, saved.token).then(function (answer) {
          return { token: answer.token, conversationId: answer.conversationId, resume: true };
        })
      : Promise.reject(new Error('new'));
    return resumed.catch(function () {
      var body = { invite: invite || undefined, locale: locale, deviceKey: invite ? deviceKey() : undefined };
      return request('POST', '/tokens/generate', body).then(function (answer) {
        return { token: answer.token, conversationId: answer.conversationId, resume: Boolean(answer.resumed) };
      });
    });
  }

  /** An invitation that has expired or is not valid: say so, and offer to start with the account number. */
  function showLinkProblem(error) {
    document.getElementById('webchat').classList.add('hidden');
    var panel = document.getElementById('link-problem');
    panel.querySelector('p').textContent = error.status === 403 ? text.linkExpired : text.linkInvalid;
    var start = panel.querySelector('button');
    start.textContent = text.startWithAccount;
    start.onclick = function () {
      location.search = '?start=1&locale=' + encodeURIComponent(locale);
    };
    panel.classList.remove('hidden');
    start.focus();
  }

  /** Web Chat's postActivity, resent with the same clientActivityID once the network is back (the bridge keeps one). */
  function resendWhenOnline(directLine) {
    var post = directLine.postActivity.bind(directLine);
    directLine.postActivity = function (activity) {
      return {
        subscribe: function (observer) {
          var stopped = false;
          var attempt = function () {
            if (stopped) return;
            post(activity).subscribe({
              next: function (id) {
                if (id === 'retry') return later();
                stopped = true;
                if (observer.next) observer.next(id);
                if (observer.complete) observer.complete();
              },
              error: function (error) {
                if (error && error.status >= 400 && error.status < 500) {
                  stopped = true;
                  if (observer.error) observer.error(error);
                } else later();
              },
            });
          };
          var later = function () {
            if (stopped) return;
            if (navigator.onLine) setTimeout(attempt, 1000);
            else window.addEventListener('online', attempt, { once: true });
          };
          setTimeout(attempt, 0);
          return {
            unsubscribe: function () {
              stopped = true;
            },
          };
        },
      };
    };
    return directLine;
  }

  /** On a phone, offers are stacked (every plan's monthly amount visible without swiping). */
  function pageStore() {
    var narrow = window.matchMedia('(max-width: 640px)');
    return window.WebChat.createStore({}, function () {
      return function (next) {
        return function (action) {
          var activity = action.payload && action.payload.activity;
          if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && activity) {
            var changes = {};
            if (narrow.matches && activity.attachmentLayout === 'carousel') changes.attachmentLayout = 'list';
            action = Object.assign({}, action, {
              payload: Object.assign({}, action.payload, { activity: Object.assign({}, activity, changes) }),
            });
            if (activity.from && activity.from.role !== 'user' && activity.attachments) setTimeout(lookForAgreement, 0);
          }
          return next(action);
        };
      };
    });
  }

  var session;
  /** The printable agreement of this conversation, once there is one: a link under the chat. */
  function lookForAgreement() {
    if (!session || document.getElementById('agreement-link').href) return;
    request('POST', '/conversations/' + encodeURIComponent(session.conversationId) + '/agreement', {}, session.token())
      .then(function (answer) {
        var link = document.getElementById('agreement-link');
        link.href = answer.url;
        link.textContent = text.printAgreement;
        link.parentNode.classList.remove('hidden');
      })
      .catch(function () {});
  }

  function startChat() {
    document.getElementById('picker').classList.add('hidden');
    document.getElementById('webchat').classList.remove('hidden');
    connect()
      .then(function (started) {
        var directLine = resendWhenOnline(
          window.WebChat.createDirectLine({
            token: started.token,
            domain: domain,
            webSocket: true,
            conversationId: started.resume ? started.conversationId : undefined,
          }),
        );
        session = {
          conversationId: started.conversationId,
          token: function () {
            return directLine.token || started.token;
          },
        };
        var remember = function () {
          sessionStorage.setItem(
            sessionKey,
            JSON.stringify({
              conversationId: directLine.conversationId || started.conversationId,
              token: session.token(),
            }),
          );
        };
        remember();
        setInterval(remember, 60 * 1000);
        directLine.connectionStatus$.subscribe(function (status) {
          if (status === 2) {
            remember();
            showStatus('');
            lookForAgreement();
          }
          if (status === 3) showStatus(text.expired);
          if (status === 4) showStatus(text.failed);
        });
        window.addEventListener('offline', function () {
          showStatus(text.offline);
        });
        window.addEventListener('online', function () {
          showStatus('');
        });
        window.WebChat.renderWebChat(
          {
            directLine: directLine,
            store: pageStore(),
            locale: text.webChat,
            avatarMiddleware: element.avatarMiddleware(text),
            activityStatusMiddleware: element.agentNameMiddleware,
            groupActivitiesMiddleware: element.groupBySender,
            styleOptions: {
              hideUploadButton: true,
              bubbleBorderRadius: 12,
              bubbleFromUserBorderRadius: 12,
              bubbleFromUserBackground: '#dcebfa',
              botAvatarInitials: text.botInitials,
              accent: '#1f4e79',
              suggestedActionLayout: 'flow',
              suggestedActionHeight: 44,
              sendBoxHeight: 48,
              sendBoxButtonWidth: 48,
              sendTimeout: 120000,
            },
          },
          document.getElementById('webchat'),
        );
        document.querySelector('#webchat').focus();
      })
      .catch(function (error) {
        if (invite && (error.status === 403 || error.status === 400)) showLinkProblem(error);
        else showStatus(error.message);
      });
  }

  function showPicker(demo) {
    var picker = document.getElementById('picker');
    var heading = document.createElement('h2');
    heading.textContent = text.pick;
    picker.appendChild(heading);
    demo.forEach(function (item) {
      var button = document.createElement('button');
      button.type = 'button';
      button.dataset.account = item.accountRef;
      button.textContent = item.accountRef + ' · ' + item.persona;
      var story = document.createElement('small');
      story.textContent = text.stories[item.persona] || item.story;
      button.appendChild(story);
      button.onclick = function () {
        location.search =
          '?invite=' +
          encodeURIComponent(item.invite) +
          '&locale=' +
          encodeURIComponent(params.get('locale') || item.locale);
      };
      picker.appendChild(button);
    });
    var plain = document.createElement('button');
    plain.type = 'button';
    plain.className = 'plain';
    plain.id = 'start-plain';
    plain.textContent = text.plain;
    plain.onclick = startChat;
    picker.appendChild(plain);
    picker.classList.remove('hidden');
  }

  var query = '?locale=' + encodeURIComponent(locale) + (invite ? '&invite=' + encodeURIComponent(invite) : '');
  fetch('/api/webchat/config' + query)
    .then(function (response) {
      return response.json();
    })
    .then(function (config) {
      document.getElementById('creditor').textContent = config.creditor;
      document.title = config.creditor + ' · ' + text.subtitle;
      if (!invite && config.demo && !params.has('start')) showPicker(config.demo);
      else startChat();
    })
    .catch(function (error) {
      showStatus(error.message);
    });
})();
