// Who is talking: the bot's avatar in the page's script, an agent's own avatar and name (marked by the desk in channelData).
(function () {
  'use strict';
  /**
   * The bundle keeps React to itself; an element is a plain object React reads by its $$typeof
   * (Web Chat 4.18 ships React 16–18, which all use this symbol).
   */
  function h(type, props, children) {
    var own = Object.assign({}, props, children === undefined ? {} : { children: children });
    var key = own.key === undefined ? null : String(own.key);
    delete own.key;
    return { $$typeof: Symbol.for('react.element'), type: type, key: key, ref: null, props: own, _owner: null };
  }

  function senderOf(activity) {
    var agent = agentOf(activity);
    return (activity.from && activity.from.role) + (agent ? ':agent:' + agent.name : '');
  }

  function agentOf(activity) {
    var data = activity && activity.channelData && activity.channelData.xieshang;
    return data && data.sender === 'agent' ? { name: String(data.name || '') } : undefined;
  }

  function badge(className, label, initials) {
    return h('div', { className: 'xs-avatar ' + className, role: 'img', 'aria-label': label, title: label }, initials);
  }

  window.XS_CHAT_ELEMENT = {
    agentOf: agentOf,
    /** The bot: its initials in the page's script; an agent: the first letter of their name, on another colour. */
    avatarMiddleware: function (text) {
      return function () {
        return function (next) {
          return function (args) {
            if (args.fromUser) return next(args);
            var agent = agentOf(args.activity);
            if (agent) {
              var label = text.agent + ' ' + agent.name;
              return function () {
                return badge('xs-avatar--agent', label, Array.from(agent.name || text.agent)[0]);
              };
            }
            return function () {
              return badge('xs-avatar--bot', text.botName, text.botInitials);
            };
          };
        };
      };
    },
    /** Web Chat groups by role (one avatar per group): an agent's messages make a group of their own. */
    groupBySender: function () {
      return function (next) {
        return function (args) {
          var groups = next(args);
          var sender = [];
          (groups.sender || []).forEach(function (group) {
            group.forEach(function (activity, index) {
              if (index === 0 || senderOf(activity) !== senderOf(group[index - 1])) sender.push([]);
              sender[sender.length - 1].push(activity);
            });
          });
          return Object.assign({}, groups, { sender: sender });
        };
      };
    },
    /** An agent's message says who wrote it next to its time. */
    agentNameMiddleware: function () {
      return function (next) {
        return function (args) {
          var agent = agentOf(args.activity);
          var status = next(args);
          if (!agent) return status;
          return h('span', { className: 'xs-agent-status' }, [
            h('span', { key: 'name', className: 'xs-agent-name' }, agent.name),
            h('span', { key: 'status' }, typeof status === 'function' ? status() : status),
          ]);
        };
      };
    },
  };
})();
