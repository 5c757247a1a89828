// The chat page's logic: pick the locale, start or resume a Direct Line conversation, render Web Chat.
(function () {
  'use strict';
  var TEXT = {
    'zh-CN': {
      subtitle: '在线还款协商',
      pick: '选择一个演示案件（仅开发环境）',
      plain: '不选案件，直接开始',
      offline: '网络已断开，正在重新连接…',
      expired: '会话已过期，请刷新页面。',
      failed: '无法连接，请稍后刷新重试。',
      webChat: 'zh-CN',
    },
    'zh-TW': {
      subtitle: '線上還款協商',
      pick: '選擇一個示範案件（僅開發環境）',
      plain: '不選案件，直接開始',
      offline: '網路已中斷，正在重新連線…',
      expired: '對話已過期，請重新整理頁面。',
      failed: '無法連線，請稍後重新整理。',
      webChat: 'zh-TW',
    },
    en: {
      subtitle: 'Repayment options, online',
      pick: 'Pick a demo case (development only)',
      plain: 'Start without a case',
      offline: 'Connection lost, reconnecting…',
      expired: 'This chat has expired; please reload the page.',
      failed: 'Could not connect; please reload in a moment.',
      webChat: 'en-US',
    },
  };
  var params = new URLSearchParams(location.search);
  var locale = pickLocale(params.get('locale') || navigator.language || 'zh-CN');
  var text = TEXT[locale];
  var invite = params.get('invite') || '';
  var domain = location.origin + '/v3/directline';
  var sessionKey = 'xs-webchat:' + (invite || 'plain') + ':' + locale;

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

  function post(path, body, token) {
    var headers = { 'content-type': 'application/json' };
    if (token) headers.authorization = 'Bearer ' + token;
    return fetch(domain + path, { method: 'POST', headers: headers, body: JSON.stringify(body || {}) }).then(
      function (response) {
        return response.json().then(function (json) {
          if (!response.ok) throw new Error((json.error && json.error.message) || 'HTTP ' + response.status);
          return json;
        });
      },
    );
  }

  /** Resumes this tab's conversation (after a reload) when its token can still be refreshed, else starts one. */
  function connect() {
    var saved = JSON.parse(sessionStorage.getItem(sessionKey) || 'null');
    var resumed = saved
      ? post('/tokens/refresh', {}, saved.token).then(function (answer) {
          return { token: answer.token, conversationId: answer.conversationId, resume: true };
        })
      : Promise.reject(new Error('new'));
    return resumed.catch(function () {
      return post('/tokens/generate', { invite: invite || undefined, locale: locale }).then(function (answer) {
        return { token: answer.token, conversationId: answer.conversationId, resume: false };
      });
    });
  }

  function startChat() {
    document.getElementById('picker').classList.add('hidden');
    document.getElementById('webchat').classList.remove('hidden');
    connect()
      .then(function (session) {
        var directLine = window.WebChat.createDirectLine({
          token: session.token,
          domain: domain,
          webSocket: true,
          conversationId: session.resume ? session.conversationId : undefined,
        });
        var remember = function () {
          sessionStorage.setItem(
            sessionKey,
            JSON.stringify({
              conversationId: directLine.conversationId || session.conversationId,
              token: directLine.token || session.token,
            }),
          );
        };
        remember();
        setInterval(remember, 60 * 1000);
        directLine.connectionStatus$.subscribe(function (status) {
          if (status === 2) {
            remember();
            showStatus('');
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
            locale: text.webChat,
            styleOptions: {
              hideUploadButton: true,
              bubbleBorderRadius: 12,
              bubbleFromUserBorderRadius: 12,
              bubbleFromUserBackground: '#dcebfa',
              botAvatarInitials: '协',
              accent: '#1f4e79',
              suggestedActionLayout: 'flow',
              sendTimeout: 30000,
            },
          },
          document.getElementById('webchat'),
        );
        document.querySelector('#webchat').focus();
      })
      .catch(function (error) {
        showStatus(error.message);
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
      story.textContent = item.story;
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

  fetch('/api/webchat/config' + (invite ? '?invite=' + encodeURIComponent(invite) : ''))
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
